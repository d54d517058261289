/**
 * Every demo account uses this password. It is public on purpose: demo mode prints it at start-up
 * and the sign-in page shows it; demo accounts and demo mode never exist in production.
 */
export const DEMO_PASSWORD = 'Enlace-demo-2026';
