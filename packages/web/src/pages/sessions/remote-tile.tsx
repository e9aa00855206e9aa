import { useEffect, useRef } from 'react';

/** One person's picture and voice; `frames` (decoded so far) is the tile's connection-quality figure. */
export function MediaTile({
  stream,
  name,
  userId,
  self = false,
  frames,
  label,
}: {
  stream: MediaStream | null;
  name: string;
  userId: string;
  self?: boolean;
  frames?: number;
  label?: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return (
    <figure
      style={{ margin: 0, width: 280, maxWidth: '100%' }}
      data-testid={self ? 'local-tile' : 'remote-tile'}
      data-user-id={userId}
      data-frames-decoded={frames ?? 0}
    >
      <video
        ref={video}
        autoPlay
        playsInline
        muted={self}
        aria-label={name}
        style={{ width: '100%', aspectRatio: '4 / 3', background: '#1f1f1f', borderRadius: 8 }}
      />
      <figcaption>
        {name}
        {label ? <small> · {label}</small> : null}
      </figcaption>
    </figure>
  );
}
