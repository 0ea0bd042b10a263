/** The lead aggregate: a dental practice being prospected, its contacts and buying roles, and its lifecycle. */
package com.chairside.lead.lead;
