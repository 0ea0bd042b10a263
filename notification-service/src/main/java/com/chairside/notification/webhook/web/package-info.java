/** HTTP adapter of webhook subscriptions. */
package com.chairside.notification.webhook.web;
