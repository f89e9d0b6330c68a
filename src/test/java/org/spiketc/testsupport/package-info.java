/**
 * Fixtures shared by tests of several packages, so that each is written once: a fresh in-memory results
 * store ({@link org.spiketc.testsupport.InMemoryStore}), the context passes run in
 * ({@link org.spiketc.testsupport.TestPassContext}) and the stage a TestFX {@code @Start} method shows
 * ({@link org.spiketc.testsupport.FxStages}).
 */
package org.spiketc.testsupport;
