import { describe, expect, it } from 'vitest';
import { collectBlocks, isInsideSkipped, rangeFor, withoutHidden } from '../../lib/dom/blocks';
import { Annotator } from '../../lib/dom/annotator';
import { AliasMatcher } from '../../lib/match/matcher';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('collectBlocks', () => {
  it('gives one block per paragraph, with inline elements joined', () => {
    const body = page('<p>Meta released <b>Llama</b> 2.</p><ul><li>one</li><li>two <i>three</i></li></ul>');
    expect(collectBlocks(body).map((b) => b.text)).toEqual(['Meta released Llama 2.', 'one', 'two three']);
  });

  it('skips inputs, editors, code, scripts, styles and hidden elements', () => {
    const body = page(`
      <p>Visible OpenAI</p>
      <input value="OpenAI"><textarea>OpenAI</textarea><select><option>OpenAI</option></select>
      <div contenteditable="true"><p>OpenAI draft</p></div>
      <div contenteditable="false">read-only OpenAI</div>
      <pre><code>OpenAI()</code></pre><p>inline <code>OpenAI</code> call</p>
      <script>var a = "OpenAI"</script><style>.OpenAI{}</style>
      <div hidden>hidden OpenAI</div>`);
    const texts = collectBlocks(body).map((b) => b.text.trim());
    expect(texts).toEqual(['Visible OpenAI', 'read-only OpenAI', 'inline  call']);
  });

  it('reads structure while walking, and leaves hidden text out in withoutHidden', () => {
    const body = page(`
      <p>Seen <span style="display:none">unseen <b>bold</b></span>text <a href="#">link</a></p>
      <div style="display:none"><p>hidden story</p></div>
      <p>all <i>shown</i></p>
      <p><span style="display:none">nothing shown</span></p>`);
    const blocks = collectBlocks(body, { checkVisibility: true });
    expect(blocks.map((b) => b.text)).toEqual([
      'Seen unseen boldtext link',
      'hidden story',
      'all shown',
      'nothing shown',
    ]);
    const [mixed, story, shown, gone] = blocks.map(withoutHidden);
    expect(mixed?.text).toBe('Seen text link');
    expect(mixed?.nodes.map((n) => n.data)).toEqual(['Seen ', 'text ', 'link']);
    expect(mixed?.starts).toEqual([0, 5, 10]);
    expect(rangeFor(mixed!, 5, 14).toString()).toBe('text link');
    expect(story).toBeUndefined();
    expect(shown).toBe(blocks[2]);
    expect(gone).toBeUndefined();
  });

  it('tells what lies inside a skipped region, reusing answers for shared ancestors', () => {
    const body = page(
      '<main><p id="a">one</p><p id="b">two</p></main><div contenteditable><p id="c">x</p><p id="d">y</p></div>',
    );
    const known = new Map<Element, boolean>();
    const inside = (id: string) => isInsideSkipped(document.getElementById(id)!, {}, known);
    expect(['a', 'c', 'b', 'd'].map(inside)).toEqual([false, true, false, true]);
    expect(known.get(body.querySelector('main')!)).toBe(false);
    expect(known.get(body.querySelector('div')!)).toBe(true);
    expect(['a', 'c'].map((id) => isInsideSkipped(document.getElementById(id)!))).toEqual([false, true]);
  });

  it('keeps a nested block out of its parent block', () => {
    const body = page('<div>before <p>inside</p> after</div>');
    expect(collectBlocks(body).map((b) => b.text.trim())).toEqual(['before', 'inside', 'after']);
  });

  it('maps offsets back to ranges across text nodes', () => {
    const body = page('<p>The <a href="#">GPT</a>-4 model</p>');
    const [block] = collectBlocks(body);
    const range = rangeFor(block!, 4, 9);
    expect(range.toString()).toBe('GPT-4');
  });
});

describe('Annotator', () => {
  it('finds mentions as ranges and answers caret lookups', () => {
    const body = page('<p>OpenAI built <strong>GPT-4</strong>.</p><p contenteditable>OpenAI</p>');
    const annotator = new Annotator(
      new AliasMatcher([
        { text: 'OpenAI', entityId: 'openai' },
        { text: 'GPT-4', entityId: 'gpt-4' },
      ]),
    );
    const mentions = annotator.scan(body);
    expect(mentions.map((m) => [m.range.toString(), m.entityId])).toEqual([
      ['OpenAI', 'openai'],
      ['GPT-4', 'gpt-4'],
    ]);
    const strong = body.querySelector('strong')!.firstChild!;
    expect(annotator.mentionAtCaret(strong, 2)?.entityId).toBe('gpt-4');
    expect(annotator.mentionAtCaret(body.querySelector('p')!.firstChild!, 9)).toBeUndefined();
  });

  it('does not mark names in hidden inline elements, and places the visible ones exactly', () => {
    const body = page(
      '<p>OpenAI <span style="display:none">and GPT-4 </span>built <a href="#">GPT-4</a>.</p>' +
        '<p><i style="display:none">OpenAI</i></p>',
    );
    const annotator = new Annotator(
      new AliasMatcher([
        { text: 'OpenAI', entityId: 'openai' },
        { text: 'GPT-4', entityId: 'gpt-4' },
      ]),
      { checkVisibility: true },
    );
    const mentions = annotator.scan(body);
    expect(mentions.map((m) => [m.range.toString(), m.text, m.start])).toEqual([
      ['OpenAI', 'OpenAI', 0],
      ['GPT-4', 'GPT-4', 13],
    ]);
    expect(annotator.mentionAtCaret(body.querySelector('a')!.firstChild!, 1)?.entityId).toBe('gpt-4');
    expect(annotator.mentionAtCaret(body.querySelector('span')!.firstChild!, 5)).toBeUndefined();
  });
});
