/** What people read: subjects and bodies rendered from Mustache templates, which never expand what they insert. */
package com.chairside.notification.texts;
