package io.asl4j.runtime.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tokens of the tasks waiting in one execution, until it ends: then the set closes, and a task
 * that starts waiting afterwards is told so. Safe from any thread (callbacks, stops and activity
 * workers come from anywhere). Most executions wait on one token at a time, so one is held without
 * a set: a parked execution stays small.
 */
final class WaitingTokens {
  private static final Object CLOSED = new Object();

  /**
   * {@code null} (none), a {@code String} (one), a {@code Set<String>} (several) or {@link
   * #CLOSED}.
   */
  private Object tokens;

  /** Adds {@code token}; false once closed. */
  synchronized boolean add(String token) {
    if (tokens == CLOSED) {
      return false;
    }
    if (tokens == null) {
      tokens = token;
    } else if (tokens instanceof String one) {
      Set<String> several = new HashSet<>(4);
      several.add(one);
      several.add(token);
      tokens = several;
    } else {
      set().add(token);
    }
    return true;
  }

  synchronized void remove(String token) {
    if (token.equals(tokens)) {
      tokens = null;
    } else if (tokens instanceof Set<?> && set().remove(token) && set().isEmpty()) {
      tokens = null;
    }
  }

  synchronized boolean contains(String token) {
    return token.equals(tokens) || (tokens instanceof Set<?> && set().contains(token));
  }

  /** The tokens, sorted; none once closed. */
  synchronized List<String> sorted() {
    List<String> sorted = new ArrayList<>(1);
    if (tokens instanceof String one) {
      sorted.add(one);
    } else if (tokens instanceof Set<?>) {
      sorted.addAll(set());
      sorted.sort(null);
    }
    return sorted;
  }

  /**
   * Closes the set: returns the tokens still in it; afterwards {@link #add} refuses every token.
   */
  synchronized Collection<String> close() {
    Object last = tokens;
    tokens = CLOSED;
    if (last instanceof String one) {
      return List.of(one);
    }
    return last instanceof Set<?> ? List.copyOf(setOf(last)) : List.of();
  }

  /** A redrive: tasks of the execution may wait again. */
  synchronized void reopen() {
    if (tokens == CLOSED) {
      tokens = null;
    }
  }

  private Set<String> set() {
    return setOf(tokens);
  }

  @SuppressWarnings("unchecked")
  private static Set<String> setOf(Object tokens) {
    return (Set<String>) tokens;
  }
}
