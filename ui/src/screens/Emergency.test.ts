import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Emergency from './Emergency.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('the emergency screen', () => {
  it('shows the number and the crisis lines at once, while the backend never answers', () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      // A stuck or locked database: this promise never settles.
      return new Promise(() => {});
    });
    render(Emergency);
    expect(screen.getByTestId('emergency-number').textContent).toBe('911');
    expect(screen.getByText('Call from any phone', { exact: false })).toBeTruthy();
    expect(screen.getByText('988')).toBeTruthy();
    expect(screen.getByText('1-800-662-4357')).toBeTruthy();
    expect(screen.getByText('1-800-484-3731')).toBeTruthy();
    expect(screen.getByTestId('open-overdose')).toBeTruthy();
    // Only the support contacts are asked for, in the background.
    expect(calls).toEqual(['list_contacts']);
  });

  it('adds the support contacts once they load', async () => {
    mockIPC((cmd) => {
      if (cmd === 'list_contacts') {
        return [{ id: 1, name: 'Sam', role: 'sponsor', phone: '555 0100', dial: '5550100', okToText: true, notes: null, position: 1 }];
      }
      return null;
    });
    render(Emergency);
    expect(await screen.findByText('555 0100')).toBeTruthy();
    expect(screen.getByTestId('contact-1').textContent).toContain('Sponsor');
  });

  it('says plainly when the computer cannot call, and keeps the number in view', async () => {
    mockIPC((cmd) => {
      if (cmd === 'list_contacts') return [];
      if (cmd === 'hand_off') throw { kind: 'unavailable', message: 'no app for tel: links' };
    });
    render(Emergency);
    await fireEvent.click(screen.getByTestId('call-emergency'));
    const notice = await screen.findByTestId('call-notice');
    expect(notice.textContent).toContain("can't make phone calls");
    expect(notice.textContent).toContain('911');
    expect(screen.getByTestId('emergency-number').textContent).toBe('911');
  });

  it('hands a tel: link of the number to the system', async () => {
    const urls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'list_contacts') return [];
      if (cmd === 'hand_off') urls.push((args as { url: string }).url);
    });
    render(Emergency);
    await fireEvent.click(screen.getByTestId('call-emergency'));
    await screen.findByTestId('call-notice');
    expect(urls).toEqual(['tel:911']);
  });
});
