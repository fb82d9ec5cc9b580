/**
 * English function words (articles, prepositions, conjunctions, pronouns, auxiliaries, quantifiers),
 * number words and the nouns prose puts before a number ("page 41", "Season 2"). A model-shaped token
 * that begins with one ("than 20", "Then 20") is prose around a number, never a model name: the
 * fuzzy tier links none of them. (No model name in the data starts with one; "Step-2" does not.)
 * One string, split where the index is built: the list travels in the matcher index, not in the
 * content script's code.
 */
export const FUNCTION_WORDS =
  'a an the this that these those than then there here when where while whereas whether which who whom whose what why how ' +
  'and or nor but if so yet as at by for from in into of off on onto out over under up down to via with within without ' +
  'about above across after against along amid among around before behind below beneath beside besides between beyond ' +
  'despite during except inside near outside past per since through throughout till toward towards until upon versus vs ' +
  'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones ' +
  'is am are was were be been being do does did done have has had having can could may might must shall should will would ' +
  'not no yes all any both each either every few many more most much neither none other others several some such ' +
  'less least fewer only just also even ever never again already still too very rather quite almost nearly about approximately ' +
  'around roughly some over under top page chapter section figure fig table item level room route highway floor ' +
  'zero two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion ' +
  'first second third last next previous number no nos vol volume issue part season episode round day days week weeks month months ' +
  'year years hour hours minute minutes aged age ages';
