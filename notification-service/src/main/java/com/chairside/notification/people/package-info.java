/** Who the people told are: the configured directory of users, their e-mail, role and region. */
package com.chairside.notification.people;
