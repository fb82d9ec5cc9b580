import { browser } from 'wxt/browser';
import { createClient } from '../lib/messages/client';

/** The typed message client every extension context uses to reach the background's database. */
export const request = createClient((message) => browser.runtime.sendMessage(message));
