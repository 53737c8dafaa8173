/** lunr-languages ships no types: each module is a function that registers a language on lunr. */
declare module 'lunr-languages/*' {
  const register: (lunr: typeof import('lunr')) => void;
  export default register;
}
