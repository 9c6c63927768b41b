/** "My proposals": what the signed-in user proposed and what became of it. */
package dev.qcurate.web.proposals;
