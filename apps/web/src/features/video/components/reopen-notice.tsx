import { Button } from 'antd';

/** Over a pane whose picture could not open or broke off: what happened, and 重新打开 when the viewer may retry. */
export function ReopenNotice({ text, color, onReopen }: { text: string; color: string; onReopen?: () => void }) {
  return (
    <div
      role="alert"
      style={{
        position: 'absolute',
        inset: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
        alignItems: 'center',
        justifyContent: 'center',
        padding: 8,
        color,
        // Over the last frame of a broken stream the words must still read.
        background: 'rgba(0, 0, 0, 0.6)',
      }}
    >
      <span>{text}</span>
      {onReopen ? (
        <Button
          size="small"
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
