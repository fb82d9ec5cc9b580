import { useState } from 'preact/hooks';
import type { ChangeSummary } from '../../lib/messages/protocol';
import { fmt, type Strings } from '../../lib/i18n';

export interface TransferPanelProps {
  strings: Strings;
  onExport: (scope: 'all' | 'changes') => void;
  onImport: (file: File, mode: 'merge' | 'replace') => void;
  /** Result of the last import: a success line or the list of problems. */
  importResult: { ok: true; message: string } | { ok: false; problems: string[] } | null;
  busy: boolean;
  onAskReset: () => void;
  /** Set while the reset confirmation is showing: what would be lost. */
  resetSummary: ChangeSummary | null;
  onConfirmReset: () => void;
  onCancelReset: () => void;
  resetMessage: string | null;
}

/** Export, import (validated in full, all or nothing) and reset behind a confirmation. */
export function TransferPanel(props: TransferPanelProps) {
  const t = props.strings.transfer;
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const s = props.resetSummary;
  const nothing = s && s.edited + s.created + s.deleted === 0;
  return (
    <div class="transfer">
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t.exportTitle}</h2>
        <button type="button" class="secondary" onClick={() => props.onExport('all')}>
          {t.exportAll}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => props.onExport('changes')}>
          {t.exportChanges}
        </button>
      </section>
      <section aria-labelledby="import-title">
        <h2 id="import-title">{t.importTitle}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file) props.onImport(file, mode);
          }}
        >
          <div class="field">
            <label for="import-file">{t.importFile}</label>
            <input
              id="import-file"
              type="file"
              accept="application/json,.json"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </div>
          <fieldset>
            <legend>{t.mode}</legend>
            {(['merge', 'replace'] as const).map((value) => (
              <label class="check" key={value}>
                <input
                  type="radio"
                  name="import-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {t[value]}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="primary" disabled={!file || props.busy}>
            {props.busy ? t.importing : t.importButton}
          </button>
        </form>
        <div aria-live="polite">
          {props.importResult?.ok === true && <p class="ok">{props.importResult.message}</p>}
          {props.importResult?.ok === false && (
            <div class="problems" role="alert">
              <p>{t.importFailed}</p>
              <ul>
                {props.importResult.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </section>
      <section aria-labelledby="reset-title">
        <h2 id="reset-title">{t.resetTitle}</h2>
        {!s && (
          <button type="button" class="secondary danger" onClick={props.onAskReset}>
            {t.resetButton}
          </button>
        )}
        {s && (
          <div class="confirm" role="alertdialog" aria-labelledby="reset-title" aria-describedby="reset-text">
            <p id="reset-text">
              {nothing
                ? t.nothingToReset
                : fmt(t.resetConfirm, { edited: s.edited, created: s.created, deleted: s.deleted })}
            </p>
            {!nothing && (
              <button type="button" class="primary danger" onClick={props.onConfirmReset}>
                {t.resetYes}
              </button>
            )}{' '}
            <button type="button" class="secondary" onClick={props.onCancelReset}>
              {props.strings.editor.cancel}
            </button>
          </div>
        )}
        <div aria-live="polite">{props.resetMessage && <p class="ok">{props.resetMessage}</p>}</div>
      </section>
    </div>
  );
}
