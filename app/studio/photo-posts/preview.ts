/**
 * Width of the small copies of photo-post images that the studio page shows:
 * the grid shows them at most about 160 CSS px wide on a phone (three columns
 * at 360 px), so 320 px covers a 2× screen. The full 1080-px JPEGs stay for
 * download (app/studio/photo-posts/preview.server.ts makes the copies).
 */
export const PREVIEW_WIDTH = 320
