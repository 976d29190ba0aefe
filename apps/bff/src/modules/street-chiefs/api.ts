/** What other modules may use of the street-chiefs module: who holds a grid's chief posts now (routing, rules, queues). */
export { type ChiefPosts, type ChiefReceiver, chiefPostsByGrid, chiefPostsFor, receiverForPost } from './chief-posts';
