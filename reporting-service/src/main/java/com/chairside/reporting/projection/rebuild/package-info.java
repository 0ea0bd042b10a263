/**
 * Rebuilding projections from the start of their topics into fresh collections while the current copies keep
 * answering; the new copy takes over (a pointer document per projection) once it has caught up. The run's state is a
 * document, so a replica that dies mid-rebuild leaves it to another (or to itself, restarted), which resumes it.
 */
package com.chairside.reporting.projection.rebuild;
