/** The bundled Traditional → Simplified table, installed into the folding on import (background, tools). */
import { installT2S } from './fold';
import { T2S_PAIRS } from './t2s-table';

installT2S(T2S_PAIRS);

export { T2S_PAIRS };
