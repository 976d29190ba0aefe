/**
 * Text features for intake (category suggestion and duplicate detection). Pure: the
 * word segmentation itself (jieba) runs in the BFF and hands its words in here, so
 * the same features can be built in the browser, a test or the benchmark.
 *
 * A report becomes a bag of tokens: `w:<word>` for each segmented word worth keeping
 * and `b:<two characters>` for each pair of adjacent Chinese characters. Bigrams
 * survive typos (以经/已经) and words the dictionary splits differently; words carry
 * the meaning of longer terms (人行道, 占道经营).
 */

/** Chinese (CJK unified ideographs, extension A and the main block). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;
const HAN_CHARS = /[\u3400-\u4dbf\u4e00-\u9fff]/g;
/** Something a word must contain to be kept: a Chinese character or a Latin letter. */
const CONTENTFUL = /[\u3400-\u4dbf\u4e00-\u9fffa-z]/;

/**
 * Function words and report boilerplate (hotline and alarm wrappers, requests for
 * action) that appear in every category and only add noise.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 着 过 地 得 在 是 有 和 与 及 或 等 把 被 给 让 对 向 从 到 于 为 以 而 且 但 就 都 也 又 还 才 再 很 太 更 最 ' +
    '啊 吧 呢 吗 呀 哦 嘛 啦 哈 哎 唉 呵 嗯 这 那 这个 那个 这里 那里 这边 那边 这样 那样 这些 那些 它 他 她 我 你 您 ' +
    '他们 她们 我们 你们 大家 自己 一 一个 一些 个 些 次 下 里 之 其 已 已经 能 会 要 想 说 看 去 来 ' +
    '一直 一下 现在 今天 昨天 每天 天天 到底 怎么 什么 为什么 谁 哪 哪里 如何 多少 几 好 好几 真的 实在 非常 特别 ' +
    '市民 来电 反映 反应 称 表示 要求 希望 请求 请 尽快 及时 处理 核查 核实 查处 相关 部门 工作人员 现场 发现 ' +
    '疑似 情况 问题 存在 目前 位置 位于 附近 周边 旁边 门口 门前 对面 一带 路段 号 号楼 幢 栋 单元 室 米 处 ' +
    '已 拍照 取证 上报 告警 报警 识别 置信度 设备 编号 系统 检测 监测 自动 ai 视频 摄像头 巡查 巡逻 热线 转办 ' +
    '工单 诉求 投诉 举报 联系 电话 先生 女士 师傅 一下子 麻烦 谢谢 管管 管不管 没人管'
  ).split(' '),
);

/** Full-width forms → ASCII, compatibility characters folded (NFKC), lower case, one space. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Pairs of adjacent Chinese characters, run by run (never across punctuation or digits). */
export function charBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Whether a segmented word is worth a feature: has content, is not a stop word. */
export function keepWord(word: string): boolean {
  return word.length > 0 && CONTENTFUL.test(word) && !STOP_WORDS.has(word);
}

/** Whether a string contains any Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export interface FeatureOptions {
  /** Add `b:` character bigrams (default true). */
  bigrams?: boolean;
  /** Add `w:` words (default true). */
  words?: boolean;
  /**
   * Add `u:` single Chinese characters of the kept words (default false). Colloquial
   * reports share few whole words with the catalogue but many characters (井/盖, 摊/贩):
   * for category suggestion they lifted top-3 on the realistic sample reports from 69% to
   * 80% (bench/intake). Duplicate scoring keeps the default: its weights were fitted without.
   */
  unigrams?: boolean;
}

/**
 * The token bag of one text from its segmented words (segment `normaliseText(text)`).
 * Bigrams are taken inside runs of kept Chinese words, so stop words and punctuation
 * break a run and boilerplate ("市民来电反映") adds no bigrams.
 */
export function featureTokens(words: readonly string[], options: FeatureOptions = {}): string[] {
  const tokens: string[] = [];
  const bigrams: string[] = [];
  const unigrams: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length > 1) bigrams.push(...charBigrams(run));
    run = '';
  };
  for (const word of words) {
    const w = word.trim();
    if (!keepWord(w)) {
      flush();
      continue;
    }
    tokens.push(`w:${w}`);
    if (hasHan(w)) run += w;
    else flush();
    if (options.unigrams) for (const char of w.match(HAN_CHARS) ?? []) unigrams.push(`u:${char}`);
  }
  flush();
  if (options.words === false) tokens.length = 0;
  if (options.bigrams !== false) for (const bigram of bigrams) tokens.push(`b:${bigram}`);
  tokens.push(...unigrams);
  return tokens;
}

/**
 * A place named as where something is (石桥公园旁边, 紫荆市场门口, 春晖路人行道上 → 春晖路): a
 * name ending in a kind of place, then a locative. Only at the start of a clause (text
 * start, punctuation, or 在/从/到/位于), and the name part holds none of the particles and
 * verbs a description has (了, 被, 满 …), so it never swallows what is wrong.
 */
const PLACE_PHRASE =
  /(?<=^|[\s,.;:!?、()（）]|在|从|到|位于|于)[^\P{Script=Han}了的被把是不没着过很都也还就又有满堆乱]{0,8}?(?:公交站|车站|地铁站|公园|广场|市场|商场|超市|大厦|大楼|小区|新村|花园|家园|公寓|苑|村|学校|小学|中学|幼儿园|医院|路|街|大道|巷|弄|桥)(?:\d{1,4}(?:号楼|号|幢|栋))?的?(?:门口|门前|旁边|附近|对面|边上|后面|后边|前面|里面|里边|里|内|外面|东侧|西侧|南侧|北侧|路口|口|上)/gu;

/**
 * A road or estate named by its proper name at the start of a clause, with no locative
 * after it (春晖北路那个车站, 石桥北街那家五金店, 从云栖路走过去): at least two characters of name
 * before the kind of place, none of them a particle, verb or 道 (人行道路面 stays).
 */
const NAMED_PLACE =
  /(?<=^|[\s,.;:!?、()（）]|在|从|到|位于|于)[^\P{Script=Han}了的被把是不没着过很都也还就又有满堆乱道那这个条在从到于我你他]{2,6}?(?:北路|南路|东路|西路|中路|大道|路|大街|北街|南街|街|巷|弄|小区|新村|家园|花园|公寓|苑)(?:\d{1,4}(?:号楼|号|幢|栋))?/gu;

/**
 * Splits where a report says something is from what it says is wrong: a place word
 * (公园, 市场, 公交站) names a category too (公园秩序, 农贸市场秩序问题, 公交站设施异常), so
 * in "石桥公园旁边的草地被占了" it must not outweigh what the report is about. A road or
 * estate named at the start of a clause goes too (`NAMED_PLACE`): its characters (石桥 →
 * 石, 桥) would otherwise count towards 桥 and 河 categories. The description keeps the
 * rest; the places go to the weak address feature.
 */
export function splitPlaces(text: string): { description: string; places: string[] } {
  const normalised = normaliseText(text);
  const places: string[] = [];
  const description = normalised.replace(PLACE_PHRASE, (match) => {
    places.push(match);
    return ' ';
  });
  const rest = description.replace(NAMED_PLACE, (match) => {
    places.push(match);
    return ' ';
  });
  return { description: rest, places };
}

/**
 * Colloquial names of what the catalogue names formally: when a report uses the left-hand
 * word, the catalogue's word (right) is added to what category suggestion reads, so a
 * report with 电驴 meets the categories of 非机动车 even if no training text said 电驴.
 * Kept small and general: each target is a word of a catalogue category's name.
 */
export const COLLOQUIAL_TERMS: readonly (readonly [RegExp, string])[] = [
  [/窨井盖|下水道盖|下水井盖|井盖子|马葫芦/, '井盖'],
  [/垃圾桶|果皮箱|垃圾篓/, '垃圾箱'],
  [/电驴|电瓶车|电动车|电动自行车|自行车|三轮车/, '非机动车'],
  [/泥头车|渣土车|土方车/, '渣土运输车辆'],
  [/噪音|吵闹/, '噪声'],
  [/牛皮癣|野广告|小卡片/, '小广告'],
  [/马路牙子|路牙子|路牙|道牙/, '路缘石'],
  [/树坑/, '树池'],
  [/流动摊贩|小贩|摊贩|流动摊/, '游商'],
  [/摆摊|地摊|小摊|摊点/, '占道经营'],
  [/红绿灯/, '交通信号灯'],
  [/斑马线/, '交通标线'],
  [/人行天桥/, '过街天桥'],
  [/地道/, '地下通道'],
  [/违建|违章建筑/, '私搭乱建'],
  [/僵尸车/, '废弃车辆'],
  [/乞丐|要饭/, '流浪乞讨'],
  [/收破烂|废品站/, '废品收购'],
];

/** The text with the catalogue's word added after it for each colloquial term it uses (`COLLOQUIAL_TERMS`). */
export function withCatalogueTerms(text: string): string {
  const added: string[] = [];
  for (const [pattern, term] of COLLOQUIAL_TERMS) if (pattern.test(text) && !added.includes(term)) added.push(term);
  return added.length === 0 ? text : `${text} ${added.join(' ')}`;
}

/** Token → count. */
export function countTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
