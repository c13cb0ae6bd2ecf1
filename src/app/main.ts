import './governance-app.js';
