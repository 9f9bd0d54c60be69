import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { mark } from './lib/state/startup';
import { boot } from './lib/state/boot';

mark('script');

// Asked before the first mount, so the IPC round trips overlap building Today.
void boot();

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });
