/** The regional lead-generation plan as lead-service publishes it on chairside.targets (TargetSet). */
package com.chairside.reporting.targets;
