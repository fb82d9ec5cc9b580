import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../../lib/store/db';
import { createService } from '../../lib/store/service';
import { createRouter } from '../../lib/messages/router';
import { parseImport } from '../../lib/data/transfer';
import type { Entity } from '../../lib/schema';
import { EntityCard } from '../../components/EntityCard';
import { stringsFor } from '../../lib/i18n';
import { testDataset } from '../helpers/dataset';
import { FORBIDDEN_URLS, deeplyNested, hostileStrings, protoPollution } from '../fixtures/hostile';

afterEach(cleanup);

const exportText = (entities: Entity[]) =>
  JSON.stringify({
    format: 'assay-export',
    formatVersion: 1,
    exportedAt: 'now',
    datasetVersion: '1',
    scope: 'changes',
    entries: entities.map((entity) => ({ origin: 'user', entity })),
    deleted: [],
  });

/** An entity with `payload` in every free-text field. */
function hostileEntity(payload: string, id = 'hostile'): Entity {
  const source = {
    url: 'https://example.com/a',
    title: payload,
    publisher: payload,
    published: '2024-01-01',
  };
  return {
    id,
    type: 'company',
    name: { en: payload, zh: payload, zhHant: payload },
    aliases: [{ text: `HostileCorp-${id}` }],
    summary: { en: payload, zh: payload },
    notes: [
      {
        id: 'n1',
        kind: 'funding',
        text: { en: payload, zh: payload },
        date: '2024',
        status: 'reported',
        sources: [source],
        response: { text: { en: payload }, sources: [source] },
        round: { stage: payload.slice(0, 80), leads: [payload] },
      },
    ],
  };
}

describe('hostile data', () => {
  it.each(hostileStrings('https://pwned.example/x.png'))(
    'imports %j as inert text in every field',
    (payload) => {
      const parsed = parseImport(exportText([hostileEntity(payload)]));
      expect(parsed.ok).toBe(true);
      const entity = hostileEntity(payload);
      const { container } = render(
        <EntityCard
          view={{
            entity,
            base: [],
            investors: [],
            edited: true,
            bundled: false,
            revision: 1,
            asOf: '2026-11-29',
            ratings: {},
          }}
          lang="en"
          strings={stringsFor('en')}
        />,
      );
      // Only the card's own elements: nothing the payload could have created.
      expect(container.querySelectorAll('script, img, svg, math, iframe, style').length).toBe(0);
      expect(container.querySelector('h2')!.textContent).toContain(payload.trim());
      expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    },
  );

  it.each(FORBIDDEN_URLS)('refuses the source URL %j with a clear error', (url) => {
    const entity = hostileEntity('x');
    entity.notes[0]!.sources[0]!.url = url;
    const parsed = parseImport(exportText([entity]));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.join('\n')).toMatch(
      /entry 1 \("hostile"\): notes\.0\.sources\.0\.url: must be an http\(s\) URL/,
    );
  });

  it('refuses a 1 MB string, deep nesting and prototype-pollution keys, and pollutes nothing', () => {
    const huge = parseImport(exportText([hostileEntity('x'.repeat(1_000_000))]));
    expect(!huge.ok && huge.errors.join('\n')).toMatch(/name\.en: Invalid length/);
    const deep = parseImport(deeplyNested(100_000));
    expect(deep.ok).toBe(false);
    const proto = parseImport(protoPollution(hostileEntity('x')));
    expect(!proto.ok && proto.errors.join('\n')).toMatch(/__proto__/);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('the whole corpus imports through the message API without touching anything else', async () => {
    const db = createDb('assay-hostile', { indexedDB: new IDBFactory(), IDBKeyRange });
    const route = createRouter(createService(db, testDataset()).handlers);
    const entities = hostileStrings('https://pwned.example/x.png').map((p, i) =>
      hostileEntity(p, `hostile-${i}`),
    );
    expect(await route({ type: 'importData', text: exportText(entities), mode: 'merge' })).toMatchObject({
      ok: true,
      data: { imported: entities.length },
    });
    const view = await route({ type: 'getEntity', id: 'hostile-0' });
    expect(view).toMatchObject({
      ok: true,
      data: { entity: { name: { en: '<script>window.__pwned = 1</script>' } } },
    });
  });
});
