/** JWT resource-server set-up and the signed-in user's roles, region and department. */
package com.chairside.platform.security;
