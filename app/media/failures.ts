// Why processing a media item failed, as stored in Media.errorCode; the
// library card shows media.errors.<code>, which says what to do next.
export type ProcessingFailure = 'corrupt-video' | 'corrupt-audio' | 'corrupt-image' | 'file-missing' | 'truncated' | 'processing-error'
