import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import CheckinForm from './CheckinForm.svelte';
import { blankCheckin } from '../checkin/words';

/** Opens "More about today" (its fields are made only once it is open). */
async function openMore() {
  const details = screen.getByTestId('more').closest('details') as HTMLDetailsElement;
  details.open = true;
  await fireEvent(details, new Event('toggle'));
}

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

describe('the check-in form', () => {
  it('shows a refused field next to it and keeps every answer', async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'save_checkin') {
        sent.push((args as { input: unknown }).input);
        throw { kind: 'validation', field: 'note', message: 'Use at most 5000 characters.' };
      }
      return null;
    });
    const onsaved = vi.fn();
    render(CheckinForm, { start: blankCheckin('2026-12-01'), onsaved });
    await fireEvent.click(screen.getByTestId('mood-4'));
    await openMore();
    const note = screen.getByTestId('note') as HTMLTextAreaElement;
    await fireEvent.input(note, { target: { value: 'x'.repeat(5001) } });
    await fireEvent.click(screen.getByTestId('save-checkin'));

    const error = await screen.findByText('Use at most 5000 characters.');
    expect(error.id).toBe('note-error');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(note.value).toHaveLength(5001);
    expect((screen.getByTestId('mood-4') as HTMLInputElement).checked).toBe(true);
    expect(onsaved).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ day: '2026-12-01', mood: 4, craving: null, stress: null });
  });

  it('keeps a draft half a second after the last change, not on every key', async () => {
    vi.useFakeTimers();
    const drafts: { note: string | null }[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'save_checkin_draft') drafts.push((args as { draft: { note: string | null } }).draft);
      return null;
    });
    render(CheckinForm, { start: blankCheckin('2026-12-01'), onsaved: () => {} });
    await openMore();
    const note = screen.getByTestId('note');
    for (const text of ['a', 'ab', 'abc']) {
      await fireEvent.input(note, { target: { value: text } });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(drafts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.note).toBe('abc');
  });

  it('makes the optional questions only once they are opened', async () => {
    mockIPC(() => null);
    render(CheckinForm, { start: blankCheckin('2026-12-01'), onsaved: () => {} });
    expect(screen.queryByTestId('note')).toBeNull();
    await openMore();
    expect(screen.getByTestId('note')).toBeTruthy();
  });

  it('sends unanswered scales as null, never 0', async () => {
    let input: Record<string, unknown> = {};
    mockIPC((cmd, args) => {
      if (cmd === 'save_checkin') {
        input = (args as { input: Record<string, unknown> }).input;
        return { ...input, id: 1, createdAt: 'x', updatedAt: 'x' };
      }
      return null;
    });
    const onsaved = vi.fn();
    render(CheckinForm, { start: blankCheckin('2026-12-01'), onsaved });
    await fireEvent.click(screen.getByTestId('mood-2'));
    // The first "+" starts from the bottom of the scale (not the middle), the next counts up.
    expect((screen.getByLabelText('Less craving right now') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByLabelText('More craving right now'));
    await fireEvent.click(screen.getByLabelText('More craving right now'));
    await fireEvent.click(screen.getByTestId('save-checkin'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(input.craving).toBe(1);
    expect(input.stress).toBeNull();
    expect(input.pain).toBeNull();
    expect(input.sleepHours).toBeNull();
    expect(input.usedOpioids).toBeNull();
  });
});
