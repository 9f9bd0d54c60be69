import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { mark } from './lib/state/startup';

mark('script');

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });
