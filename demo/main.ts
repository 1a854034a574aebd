import { StardustClient } from '../src/index.js';
import { mountCallDemo } from './call-pane.js';

const app = document.querySelector('#app')!;
const status = document.createElement('p');

status.dataset.testid = 'demo-status';
status.textContent = `Core loaded: ${typeof StardustClient === 'function' ? 'yes' : 'no'}`;
app.append(status);
void mountCallDemo(app);
