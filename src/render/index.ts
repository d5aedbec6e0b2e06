// The reading view's public API. Code lives in the modules named below.
export { render, type RenderOptions } from './render.js';
