/** The review queue and proposers' feedback. */
package dev.qcurate.query.proposal;
