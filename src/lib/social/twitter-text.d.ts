// twitter-text ships no types; this is the part Tayang uses.
declare module 'twitter-text' {
  interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
    permillage: number;
  }
  const twitter: { parseTweet(text: string): ParsedTweet };
  export default twitter;
}
