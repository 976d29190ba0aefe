import { Button } from 'antd';

/** How far away the notice is read from: a desk screen, or the command hall's wall across the room. */
export type NoticeDistance = 'desk' | 'wall';

/** Over a pane whose picture could not open or broke off: what happened, and 重新打开 when the viewer may retry. */
export function ReopenNotice({
  text,
  color,
  onReopen,
  distance = 'desk',
}: {
  text: string;
  color: string;
  onReopen?: () => void;
  distance?: NoticeDistance;
}) {
  const wall = distance === 'wall';
  return (
    <div
      role="alert"
      style={{
        position: 'absolute',
        inset: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: wall ? '1vh' : 8,
        alignItems: 'center',
        justifyContent: 'center',
        padding: 8,
        color,
        // The wall's panes are read from across the hall, like its camera names (1.5vh).
        fontSize: wall ? '2vh' : undefined,
        // Over the last frame of a broken stream the words must still read.
        background: 'rgba(0, 0, 0, 0.6)',
      }}
    >
      <span>{text}</span>
      {onReopen ? (
        <Button
          size={wall ? 'large' : 'small'}
          onClick={(e) => {
            // The pane itself selects on click; reopening should not also move the selection.
            e.stopPropagation();
            onReopen();
          }}
        >
          重新打开
        </Button>
      ) : null}
    </div>
  );
}
