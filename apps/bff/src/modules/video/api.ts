/** What other modules may use of the video module; every other file in this folder is internal. */

export { HLS_FILE, HLS_PLAYLIST, HlsRemuxer, hlsContentType, playlistReady } from './media/hls-remuxer';
export type { MediaBackend, MediaBackendEvents, MediaPlayback, MediaReceiver } from './media/media-backend';
export { buildRtp, parseRtp, rfc4571Deframer, rfc4571Frame } from './media/rtp-packet';
export { RtpSequencer } from './media/rtp-sequencer';
export { VideoCentre } from './video-centre';
