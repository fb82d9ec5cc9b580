import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { DataSources, type DataSourcesProps } from '../../components/options/DataSources';
import { PackReview } from '../../components/options/PackReview';
import { stringsFor } from '../../lib/i18n';
import type { PackReviewView, PacksOverview, PackView } from '../../lib/messages/protocol';

afterEach(cleanup);

const pack: PackView = {
  id: 'test-pack',
  url: 'https://packs.example.org/a.json',
  fingerprint: '0123-4567-89ab-cdef-0123-4567-89ab-cdef',
  order: 0,
  enabled: true,
  accepted: {
    title: 'Test pack',
    publisher: 'Assay tests',
    version: '1',
    asOf: '2026-11-30',
    licence: 'CC0-1.0',
    entityCount: 2,
    noteCount: 3,
    fetchedAt: 0,
    partial: false,
  },
  pending: {
    title: 'Test pack',
    publisher: 'Assay tests',
    version: '2',
    asOf: '2026-12-01',
    licence: 'CC0-1.0',
    entityCount: 3,
    noteCount: 4,
    fetchedAt: 0,
    key: 'sig',
    counts: { added: 1, changed: 1, removed: 0 },
  },
  lastCheck: 0,
  lastError: { reason: 'http', message: 'The server answered 404.', at: 0 },
  entitiesShown: 2,
};
const overview: PacksOverview = {
  packs: [pack],
  conflicts: [
    {
      id: 'llama',
      name: 'LLaMA',
      winner: { kind: 'user' },
      deleted: false,
      layers: [
        { layer: { kind: 'user' }, sameAsWinner: true },
        { layer: { kind: 'pack', id: 'test-pack' }, sameAsWinner: false },
        { layer: { kind: 'bundled' }, sameAsWinner: false },
      ],
    },
  ],
  scheduled: true,
  bundled: { version: '1', asOf: '2026-11-29' },
};

function props(overrides: Partial<DataSourcesProps> = {}): DataSourcesProps {
  return {
    overview,
    strings: stringsFor('en'),
    lang: 'en',
    busy: null,
    subscribeError: null,
    fingerprintOf: async (key) => (key === 'good-key' ? 'aaaa-bbbb' : null),
    onSubscribe: vi.fn(),
    onCheck: vi.fn(),
    onCheckFile: vi.fn(),
    onReview: vi.fn(),
    onEnabled: vi.fn(),
    onMove: vi.fn(),
    onRemove: vi.fn(),
    onSchedule: vi.fn(),
    ...overrides,
  };
}

describe('DataSources', () => {
  it('subscribes only with a key that is one, showing its fingerprint as it is typed', async () => {
    const p = props();
    render(<DataSources {...p} />);
    const subscribe = screen.getByRole('button', { name: 'Subscribe' });
    fireEvent.input(screen.getByLabelText('Pack address (https)'), {
      target: { value: 'https://packs.example.org/b.json' },
    });
    fireEvent.input(screen.getByLabelText(/public key/), { target: { value: 'not-a-key' } });
    await waitFor(() => expect(screen.getByText(/not an Ed25519 public key/)).toBeTruthy());
    expect((subscribe as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/public key/), { target: { value: 'good-key' } });
    await waitFor(() => expect(screen.getByText(/Key fingerprint: aaaa-bbbb/)).toBeTruthy());
    fireEvent.click(subscribe);
    expect(p.onSubscribe).toHaveBeenCalledWith({ url: 'https://packs.example.org/b.json' }, 'good-key');
  });

  it('lists a subscription with its version, dates, error and pending review, and names conflicts', () => {
    const p = props({ subscribeError: { reason: 'signature', message: 'Changed after signing.' } });
    render(<DataSources {...p} />);
    const item = screen.getByRole('listitem', { name: /Test pack/ });
    const text = item.textContent ?? '';
    expect(text).toMatch(/PublisherAssay tests/);
    expect(text).toMatch(/Data as of2026-11-30/);
    expect(text).toMatch(/Last check failed: the server did not send the file\. The server answered 404\./);
    expect(text).toMatch(/Version 2 \(as of 2026-12-01\) awaits review: 1 added, 1 changed, 0 removed/);
    expect(screen.getByRole('alert').textContent).toMatch(/Not subscribed: the signature does not match/);
    fireEvent.click(within(item).getByRole('button', { name: 'Review version 2' }));
    expect(p.onReview).toHaveBeenCalledWith('test-pack');
    fireEvent.click(within(item).getByRole('button', { name: 'Check now' }));
    expect(p.onCheck).toHaveBeenCalledWith('test-pack');
    fireEvent.click(within(item).getByRole('checkbox', { name: 'Use this pack' }));
    expect(p.onEnabled).toHaveBeenCalledWith('test-pack', false);
    fireEvent.click(screen.getByRole('checkbox', { name: /once a day/ }));
    expect(p.onSchedule).toHaveBeenCalledWith(false);
    const row = screen.getByRole('row', { name: /LLaMA/ });
    expect(row.textContent).toBe('LLaMAyour editTest pack, bundled data');
  });
});

describe('PackReview', () => {
  const review: PackReviewView = {
    id: 'test-pack',
    key: 'sig',
    title: 'Test pack',
    fromVersion: '1',
    toVersion: '2',
    counts: { added: 1, changed: 1, removed: 0 },
    entities: [
      {
        id: 'alibaba',
        change: 'changed',
        name: 'Alibaba',
        type: 'company',
        fields: ['aliases'],
        notes: [
          {
            id: 'round',
            change: 'added',
            kind: 'funding',
            date: '2023',
            text: { en: 'A round.' },
            sources: [
              { url: 'https://example.com/a', title: 'T', publisher: 'Example News', published: '2023' },
            ],
          },
        ],
      },
      { id: 'qwen', change: 'added', name: 'Qwen', type: 'model-family', fields: [], notes: [] },
    ],
  };

  it('shows each entity’s notes and sources; accepts the entities left checked, all, or none', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    render(
      <PackReview
        review={review}
        strings={stringsFor('en')}
        busy={false}
        onAccept={onAccept}
        onReject={onReject}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByText('A round.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Example News' }).getAttribute('rel')).toBe(
      'noopener noreferrer',
    );
    expect(screen.getByText(/added Funding note \(2023\)/i)).toBeTruthy();
    expect(screen.getByText('Other fields changed: aliases')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Accept the change to Qwen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Accept selected (1)' }));
    expect(onAccept).toHaveBeenCalledWith(['alibaba']);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(onAccept).toHaveBeenLastCalledWith('all');
    fireEvent.click(screen.getByRole('button', { name: 'Reject this version' }));
    expect(onReject).toHaveBeenCalled();
  });
});
