/** HTTP adapter of the sales-meeting pack: the media type by {@code Accept}, CSV flattening and the PDF's charts. */
package com.chairside.reporting.meeting.web;
