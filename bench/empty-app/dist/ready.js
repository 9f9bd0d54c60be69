// Reports the first frame, as Steady's UI does.
requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('ui_ready'));
