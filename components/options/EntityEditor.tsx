import { useState } from 'preact/hooks';
import { ENTITY_TYPES, NOTE_KINDS, NOTE_STATUSES, RELATION_KINDS, type Entity } from '../../lib/schema';
import { fmt, type Strings } from '../../lib/i18n';
import {
  emptyNote,
  emptySource,
  validateDraft,
  type EntityDraft,
  type FieldErrors,
  type NoteDraft,
} from '../../lib/form/entity-form';
import { CheckField, Group, SelectField, TextField, fieldId } from './fields';
import type { HostRegistry } from '../../lib/sources/registry';
import { urlProblems } from '../../lib/sources/url';

export interface EntityEditorProps {
  draft: EntityDraft;
  isNew: boolean;
  /** True when the bundled dataset has this id (so it can be reverted). */
  bundled: boolean;
  edited: boolean;
  strings: Strings;
  /** Problems the background reported (unknown links, names shared with another entity). */
  serverErrors: FieldErrors;
  /** A message from the background that belongs to no field (a conflict). */
  message?: string;
  onChange: (draft: EntityDraft) => void;
  onSave: (entity: Entity) => void;
  onCancel: () => void;
  onDelete?: () => void;
  onRevert?: () => void;
  /** Makes ids for new notes. */
  newNoteId: () => string;
  /** Rates source URLs as they are typed (user notes may cite any host: unknown ones are "unrated"). */
  registry: HostRegistry;
}

/** What the editor says under a source URL: its tier and how to make it canonical. */
function urlHelp(url: string, registry: HostRegistry, strings: Strings): string | undefined {
  if (!/^https?:\/\/[^/]/i.test(url.trim())) return undefined;
  const { tier, entry } = registry.rateUrl(url.trim());
  const t = strings.tiers[tier];
  const meaning = fmt(t.meaning, { why: entry?.why ?? '' });
  const lines = [fmt(strings.editor.tierOf, { tier: t.label, meaning })];
  const problems = urlProblems(url.trim());
  if (problems.length) lines.push(fmt(strings.editor.notCanonical, { problems: problems.join('; ') }));
  return lines.join(' ');
}

/** The entity form: nothing is saved until every field is valid; problems show by their fields. */
export function EntityEditor(props: EntityEditorProps) {
  const { draft, isNew, strings, onChange } = props;
  const e = strings.editor;
  const [errors, setErrors] = useState<FieldErrors>({});
  const allErrors = { ...props.serverErrors, ...errors };
  const set = (patch: Partial<EntityDraft>) => onChange({ ...draft, ...patch });
  const setNote = (i: number, patch: Partial<NoteDraft>) =>
    set({ notes: draft.notes.map((n, j) => (j === i ? { ...n, ...patch } : n)) });
  const typeOptions = ENTITY_TYPES.map((t) => ({ value: t, label: strings.types[t] }));
  const kindOptions = NOTE_KINDS.map((k) => ({ value: k, label: strings.sections[k] }));
  const statusOptions = NOTE_STATUSES.map((s) => ({ value: s, label: strings.statuses[s] }));
  const relationOptions = RELATION_KINDS.map((r) => ({ value: r, label: strings.verdicts.derived[r] }));
  const problemList = Object.entries(allErrors);

  const save = (event: Event) => {
    event.preventDefault();
    const result = validateDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      // Focus the summary so a screen reader hears what to fix.
      requestAnimationFrame(() => document.getElementById('editor-problems')?.focus());
      return;
    }
    setErrors({});
    props.onSave(result.entity);
  };

  return (
    <form class="editor" onSubmit={save} noValidate aria-labelledby="editor-title">
      <h2 id="editor-title">{isNew ? e.newTitle : fmt(e.editTitle, { name: draft.nameEn || draft.id })}</h2>
      {props.message && (
        <p class="error" role="alert">
          {props.message}
        </p>
      )}
      {problemList.length > 0 && (
        <div class="problems" id="editor-problems" tabIndex={-1} role="alert">
          <p>{fmt(e.problems, { count: problemList.length })}</p>
          <ul>
            {problemList.map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`}>{path}</a>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <Group legend={strings.options.name}>
        <TextField
          label={e.id}
          path="id"
          errors={allErrors}
          value={draft.id}
          onInput={(id) => set({ id })}
          help={e.idHelp}
          required
          disabled={!isNew}
        />
        <SelectField
          label={e.type}
          path="type"
          value={draft.type}
          options={typeOptions}
          onChange={(type) => set({ type })}
        />
        <TextField
          label={e.nameEn}
          path="name.en"
          errors={allErrors}
          value={draft.nameEn}
          onInput={(nameEn) => set({ nameEn })}
          required
        />
        <TextField
          label={e.nameZh}
          path="name.zh"
          errors={allErrors}
          value={draft.nameZh}
          onInput={(nameZh) => set({ nameZh })}
          lang="zh-CN"
        />
        <TextField
          label={e.nameZhHant}
          path="name.zhHant"
          errors={allErrors}
          value={draft.nameZhHant}
          onInput={(nameZhHant) => set({ nameZhHant })}
          lang="zh-Hant"
        />
        <CheckField
          label={e.zhUsesLatin}
          path="name.zhUsesLatin"
          checked={draft.zhUsesLatin}
          onChange={(zhUsesLatin) => set({ zhUsesLatin })}
        />
      </Group>

      <Group legend={e.aliases} class="rows">
        {draft.aliases.map((alias, i) => (
          <div class="row" key={i}>
            <TextField
              label={e.aliasText}
              path={`aliases.${i}.text`}
              errors={allErrors}
              value={alias.text}
              onInput={(text) =>
                set({ aliases: draft.aliases.map((a, j) => (j === i ? { ...a, text } : a)) })
              }
            />
            <SelectField
              label={e.aliasLang}
              path={`aliases.${i}.lang`}
              value={alias.lang}
              options={[
                { value: '', label: strings.options.any },
                { value: 'en', label: 'en' },
                { value: 'zh', label: 'zh' },
                { value: 'zh-Hant', label: 'zh-Hant' },
              ]}
              onChange={(lang) =>
                set({ aliases: draft.aliases.map((a, j) => (j === i ? { ...a, lang } : a)) })
              }
            />
            <CheckField
              label={e.ambiguous}
              path={`aliases.${i}.ambiguous`}
              checked={alias.ambiguous}
              onChange={(ambiguous) =>
                set({ aliases: draft.aliases.map((a, j) => (j === i ? { ...a, ambiguous } : a)) })
              }
            />
            <CheckField
              label={e.caseSensitive}
              path={`aliases.${i}.caseSensitive`}
              checked={alias.caseSensitive}
              onChange={(caseSensitive) =>
                set({ aliases: draft.aliases.map((a, j) => (j === i ? { ...a, caseSensitive } : a)) })
              }
            />
            <button
              type="button"
              class="secondary"
              onClick={() => set({ aliases: draft.aliases.filter((_, j) => j !== i) })}
            >
              {e.remove} <span class="visually-hidden">{alias.text}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            set({
              aliases: [...draft.aliases, { text: '', lang: '', ambiguous: false, caseSensitive: false }],
            })
          }
        >
          {e.addAlias}
        </button>
      </Group>

      <Group legend={e.links}>
        <TextField
          label={e.developer}
          path="links.developer"
          errors={allErrors}
          value={draft.developer}
          onInput={(developer) => set({ developer })}
        />
        <TextField
          label={e.parentId}
          path="links.parent"
          errors={allErrors}
          value={draft.parent}
          onInput={(parent) => set({ parent })}
        />
        <TextField
          label={e.familyId}
          path="links.family"
          errors={allErrors}
          value={draft.family}
          onInput={(family) => set({ family })}
        />
        <TextField
          label={e.investors}
          path="links.investors"
          errors={allErrors}
          value={draft.investors}
          onInput={(investors) => set({ investors })}
        />
        <div class="rows">
          <p class="group-label">{e.baseModels}</p>
          {draft.base.map((b, i) => (
            <div class="row" key={i}>
              <TextField
                label={e.baseId}
                path={`links.base.${i}.id`}
                errors={allErrors}
                value={b.id}
                onInput={(id) => set({ base: draft.base.map((x, j) => (j === i ? { ...x, id } : x)) })}
              />
              <SelectField
                label={e.relation}
                path={`links.base.${i}.relation`}
                value={b.relation}
                options={relationOptions}
                onChange={(relation) =>
                  set({ base: draft.base.map((x, j) => (j === i ? { ...x, relation } : x)) })
                }
              />
              <SelectField
                label={e.status}
                path={`links.base.${i}.status`}
                value={b.status}
                options={[{ value: '' as const, label: '—' }, ...statusOptions]}
                onChange={(status) =>
                  set({ base: draft.base.map((x, j) => (j === i ? { ...x, status } : x)) })
                }
              />
              <button
                type="button"
                class="secondary"
                onClick={() => set({ base: draft.base.filter((_, j) => j !== i) })}
              >
                {e.remove}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="secondary"
            onClick={() => set({ base: [...draft.base, { id: '', relation: 'fine-tune', status: '' }] })}
          >
            {e.addBase}
          </button>
        </div>
      </Group>

      <Group legend={e.notes} class="notes-editor">
        {draft.notes.map((note, i) => (
          <fieldset class="note-editor" key={note.id}>
            <legend>{fmt(e.note, { index: i + 1 })}</legend>
            <div class="row">
              <SelectField
                label={e.kind}
                path={`notes.${i}.kind`}
                value={note.kind}
                options={kindOptions}
                onChange={(kind) => setNote(i, { kind })}
              />
              <SelectField
                label={e.status}
                path={`notes.${i}.status`}
                value={note.status}
                options={statusOptions}
                onChange={(status) => setNote(i, { status })}
              />
              <TextField
                label={e.date}
                path={`notes.${i}.date`}
                errors={allErrors}
                value={note.date}
                onInput={(date) => setNote(i, { date })}
              />
            </div>
            <TextField
              label={e.textEn}
              path={`notes.${i}.text.en`}
              errors={allErrors}
              value={note.textEn}
              onInput={(textEn) => setNote(i, { textEn })}
              multiline
            />
            <TextField
              label={e.textZh}
              path={`notes.${i}.text.zh`}
              errors={allErrors}
              value={note.textZh}
              onInput={(textZh) => setNote(i, { textZh })}
              multiline
              lang="zh-CN"
            />
            <div class="rows">
              <p class="group-label">{e.sources}</p>
              {allErrors[`notes.${i}.sources`] && (
                <p class="field-error" id={fieldId(`notes.${i}.sources`)}>
                  {e.noteNeedsSource}
                </p>
              )}
              {note.sources.map((source, k) => {
                const setSource = (patch: Partial<typeof source>) =>
                  setNote(i, { sources: note.sources.map((s, j) => (j === k ? { ...s, ...patch } : s)) });
                const path = `notes.${i}.sources.${k}`;
                return (
                  <div
                    class="source-editor"
                    key={k}
                    role="group"
                    aria-label={fmt(e.source, { index: k + 1 })}
                  >
                    {allErrors[path] && (
                      <p class="field-error" id={fieldId(path)}>
                        {e.urlOrVia}
                      </p>
                    )}
                    <TextField
                      label={e.url}
                      path={`${path}.url`}
                      errors={allErrors}
                      value={source.url}
                      onInput={(url) => setSource({ url })}
                      help={urlHelp(source.url, props.registry, strings)}
                      live
                    />
                    <TextField
                      label={e.title}
                      path={`${path}.title`}
                      errors={allErrors}
                      value={source.title}
                      onInput={(title) => setSource({ title })}
                    />
                    <TextField
                      label={e.publisher}
                      path={`${path}.publisher`}
                      errors={allErrors}
                      value={source.publisher}
                      onInput={(publisher) => setSource({ publisher })}
                    />
                    <TextField
                      label={e.published}
                      path={`${path}.published`}
                      errors={allErrors}
                      value={source.published}
                      onInput={(published) => setSource({ published })}
                    />
                    <TextField
                      label={e.lang}
                      path={`${path}.lang`}
                      errors={allErrors}
                      value={source.lang}
                      onInput={(lang) => setSource({ lang })}
                    />
                    <TextField
                      label={e.via}
                      path={`${path}.via`}
                      errors={allErrors}
                      value={source.via}
                      onInput={(via) => setSource({ via })}
                      help={urlHelp(source.via, props.registry, strings)}
                      live
                    />
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => setNote(i, { sources: note.sources.filter((_, j) => j !== k) })}
                    >
                      {e.remove} <span class="visually-hidden">{fmt(e.source, { index: k + 1 })}</span>
                    </button>
                  </div>
                );
              })}
              <button
                type="button"
                class="secondary"
                onClick={() => setNote(i, { sources: [...note.sources, emptySource()] })}
              >
                {e.addSource}
              </button>
            </div>
            <button
              type="button"
              class="secondary danger"
              onClick={() => set({ notes: draft.notes.filter((_, j) => j !== i) })}
            >
              {e.remove} <span class="visually-hidden">{fmt(e.note, { index: i + 1 })}</span>
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() => set({ notes: [...draft.notes, emptyNote(props.newNoteId())] })}
        >
          {e.addNote}
        </button>
      </Group>

      <div class="editor-actions">
        <button type="submit" class="primary">
          {e.save}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {e.cancel}
        </button>
        {!isNew && props.bundled && props.edited && props.onRevert && (
          <button type="button" class="secondary" onClick={props.onRevert}>
            {e.revert}
          </button>
        )}
        {!isNew && props.onDelete && (
          <button type="button" class="secondary danger" onClick={props.onDelete}>
            {e.delete}
          </button>
        )}
      </div>
    </form>
  );
}
