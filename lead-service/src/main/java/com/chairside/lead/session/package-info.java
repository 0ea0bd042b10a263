/** The signed-in user as the services see them ({@code GET /api/me}). */
package com.chairside.lead.session;
