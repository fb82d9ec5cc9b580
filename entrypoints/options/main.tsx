import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/pages.css';
import './options.css';
import { EntityList, type ListFilters } from '../../components/options/EntityList';
import { EntityEditor } from '../../components/options/EntityEditor';
import { TransferPanel, type TransferPanelProps } from '../../components/options/TransferPanel';
import { SettingsForm } from '../../components/options/SettingsForm';
import type { ChangeSummary, EntityListPage } from '../../lib/messages/protocol';
import { RequestError } from '../../lib/messages/client';
import type { Entity } from '../../lib/schema';
import type { ExportEntry } from '../../lib/data/transfer';
import { MAX_IMPORT_CHARS } from '../../lib/data/transfer';
import { fmt, resolveLang, stringsFor } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import {
  emptyDraft,
  serverErrors,
  toDraft,
  type EntityDraft,
  type FieldErrors,
} from '../../lib/form/entity-form';
import { request } from '../../utils/messaging';
import { saveSettings } from '../../utils/settings';
import { useExtensionPage } from '../../utils/use-extension-page';
import { PageAlerts } from '../../components/PageAlerts';
import { bundledRegistry } from '../../lib/sources/bundled';
import { DataSourcesTab } from './sources';

const PAGE_SIZE = 50;
const TABS = ['entries', 'sources', 'transfer', 'settings'] as const;
type Tab = (typeof TABS)[number];

interface Editing {
  draft: EntityDraft;
  isNew: boolean;
  bundled: boolean;
  edited: boolean;
  revision: number;
  serverErrors: FieldErrors;
  message?: string;
}

interface Status {
  text: string;
  undo?: ExportEntry;
}

let noteCounter = 0;
const newNoteId = () => `note-${Date.now().toString(36)}-${++noteCounter}`;

function Options() {
  const { settings, setSettings, meta, revision, error, fail, lang, strings, browserLang } =
    useExtensionPage();
  const [tab, setTab] = useState<Tab>('entries');
  const [filters, setFilters] = useState<ListFilters>({
    query: '',
    entityType: '',
    noteKind: '',
    editedOnly: false,
  });
  const [pageIndex, setPageIndex] = useState(0);
  const [page, setPage] = useState<EntityListPage | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [importResult, setImportResult] = useState<TransferPanelProps['importResult']>(null);
  const [busy, setBusy] = useState(false);
  const [resetSummary, setResetSummary] = useState<ChangeSummary | null>(null);
  const [resetMessage, setResetMessage] = useState<string | null>(null);

  useEffect(() => {
    document.title = strings.options.title;
  }, [strings]);
  useEffect(() => {
    let stale = false;
    request({
      type: 'listEntities',
      offset: pageIndex * PAGE_SIZE,
      limit: PAGE_SIZE,
      query: filters.query || undefined,
      entityType: filters.entityType || undefined,
      noteKind: filters.noteKind || undefined,
      editedOnly: filters.editedOnly || undefined,
    }).then((p) => !stale && setPage(p), fail);
    return () => {
      stale = true;
    };
  }, [filters, pageIndex, revision]);

  const openEditor = async (id: string) => {
    const view = await request({ type: 'getEntity', id });
    if (!view) return;
    setEditing({
      draft: toDraft(view.entity),
      isNew: false,
      bundled: view.bundled,
      edited: view.edited,
      revision: view.revision,
      serverErrors: {},
    });
    requestAnimationFrame(() => document.getElementById('editor-title')?.focus());
  };
  const closeEditor = () => setEditing(null);

  const save = async (entity: Entity) => {
    if (!editing) return;
    try {
      await request({ type: 'putEntity', entity, baseRevision: editing.isNew ? 0 : editing.revision });
      setStatus({ text: fmt(strings.options.saved, { name: entity.name.en }) });
      closeEditor();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const code = e instanceof RequestError ? e.code : 'failed';
      setEditing({
        ...editing,
        serverErrors: code === 'invalid' ? serverErrors(message) : {},
        message: fmt(code === 'conflict' ? strings.editor.conflict : strings.editor.unknownError, {
          message,
        }),
      });
    }
  };
  const remove = async () => {
    if (!editing) return;
    try {
      const { deleted } = await request({
        type: 'deleteEntity',
        id: editing.draft.id,
        baseRevision: editing.revision,
      });
      setStatus({
        text: fmt(strings.options.deleted, { name: editing.draft.nameEn }),
        undo: deleted ?? undefined,
      });
      closeEditor();
    } catch (e) {
      setEditing({ ...editing, message: fmt(strings.editor.conflict, { message: (e as Error).message }) });
    }
  };
  const undo = async (entry: ExportEntry) => {
    await request({ type: 'restoreEntity', entry }).catch(fail);
    setStatus(null);
  };
  const revert = async () => {
    if (!editing) return;
    await request({ type: 'revertEntity', id: editing.draft.id }).catch(fail);
    setStatus({ text: fmt(strings.options.reverted, { name: editing.draft.nameEn }) });
    await openEditor(editing.draft.id);
  };

  const exportData = async (scope: 'all' | 'changes') => {
    const file = await request({ type: 'exportData', scope });
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `assay-${scope === 'all' ? 'dataset' : 'changes'}-${file.exportedAt.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const importFile = async (file: File, mode: 'merge' | 'replace') => {
    setImportResult(null);
    if (file.size > MAX_IMPORT_CHARS) {
      const mb = (n: number) => (n / 1_000_000).toFixed(1);
      setImportResult({
        ok: false,
        problems: [fmt(strings.transfer.tooLarge, { size: mb(file.size), limit: mb(MAX_IMPORT_CHARS) })],
      });
      return;
    }
    setBusy(true);
    try {
      const result = await request({ type: 'importData', text: await file.text(), mode });
      setImportResult({
        ok: true,
        message: fmt(strings.transfer.imported, { count: result.imported, deleted: result.deleted }),
      });
    } catch (e) {
      setImportResult({ ok: false, problems: (e instanceof Error ? e.message : String(e)).split('\n') });
    } finally {
      setBusy(false);
    }
  };

  const changeSettings = async (next: Settings) => {
    setSettings(next);
    await saveSettings(next);
    setStatus({ text: stringsFor(resolveLang(next.language, browserLang)).settings.saved });
  };

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next =
      TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };
  const tabLabel: Record<Tab, string> = {
    entries: strings.options.entriesTab,
    sources: strings.options.sourcesTab,
    transfer: strings.options.transferTab,
    settings: strings.options.settingsTab,
  };

  return (
    <main class="options">
      <header>
        <h1>{strings.options.title}</h1>
        {meta && (
          <p class="meta">
            {fmt(strings.popup.datasetLine, { count: meta.entityCount, date: meta.asOf })} · {meta.version}
          </p>
        )}
      </header>
      <div role="tablist" aria-label={strings.options.title} onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t}
            id={`tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {tabLabel[t]}
          </button>
        ))}
      </div>
      <div class="status" role="status" aria-live="polite">
        {status && (
          <p>
            {status.text}{' '}
            {status.undo && (
              <button type="button" class="link-button" onClick={() => void undo(status.undo!)}>
                {strings.options.undo}
              </button>
            )}
          </p>
        )}
      </div>
      <PageAlerts degraded={meta?.degraded} error={error} strings={strings} />
      <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'entries' &&
          (editing ? (
            <EntityEditor
              draft={editing.draft}
              isNew={editing.isNew}
              bundled={editing.bundled}
              edited={editing.edited}
              strings={strings}
              serverErrors={editing.serverErrors}
              message={editing.message}
              onChange={(draft) => setEditing({ ...editing, draft })}
              onSave={(entity) => void save(entity)}
              onCancel={closeEditor}
              onDelete={() => void remove()}
              onRevert={() => void revert()}
              newNoteId={newNoteId}
              registry={bundledRegistry()}
            />
          ) : (
            <EntityList
              page={page}
              filters={filters}
              pageIndex={pageIndex}
              pageSize={PAGE_SIZE}
              lang={lang}
              strings={strings}
              onFilters={(f) => {
                setFilters(f);
                setPageIndex(0);
              }}
              onPage={setPageIndex}
              onEdit={(id) => void openEditor(id).catch(fail)}
              onNew={() =>
                setEditing({
                  draft: emptyDraft(),
                  isNew: true,
                  bundled: false,
                  edited: false,
                  revision: 0,
                  serverErrors: {},
                })
              }
            />
          ))}
        {tab === 'sources' && (
          <DataSourcesTab
            strings={strings}
            lang={lang}
            revision={revision}
            fail={fail}
            onStatus={(text) => setStatus({ text })}
          />
        )}
        {tab === 'transfer' && (
          <TransferPanel
            strings={strings}
            onExport={(scope) => void exportData(scope).catch(fail)}
            onImport={(file, mode) => void importFile(file, mode)}
            importResult={importResult}
            busy={busy}
            onAskReset={() => {
              setResetMessage(null);
              request({ type: 'getChangeSummary' }).then(setResetSummary, fail);
            }}
            resetSummary={resetSummary}
            onConfirmReset={() =>
              void request({ type: 'resetData' }).then(() => {
                setResetSummary(null);
                setResetMessage(strings.transfer.resetDone);
              }, fail)
            }
            onCancelReset={() => setResetSummary(null)}
            resetMessage={resetMessage}
          />
        )}
        {tab === 'settings' && (
          <SettingsForm settings={settings} strings={strings} onChange={(s) => void changeSettings(s)} />
        )}
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
