package com.example.workshop.runtime.sfn.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How threads outside an execution talk to it. Answers to task tokens, heartbeats and stop
 * requests wait in an inbox until the execution next waits (for time, a function or a token), so
 * what they change happens at a definite point of its history. Threads that await the execution
 * (its end, a task token at a state) let its virtual clock jump over timers while they wait, the
 * way Temporal's test server skips time only while a client waits for a result; nobody awaiting,
 * the execution runs only what takes no time, so a test can answer a token or stop it before a
 * HeartbeatSeconds or a Wait fires. A service's thread awaits it {@link #awaitAnswerable
 * answerably}: time skips as well, except that while a task waits for its token with a timer
 * (HeartbeatSeconds, TimeoutSeconds) the clock runs on the wall clock, for the client that answers.
 *
 * <p>One lock guards the execution: its thread holds it while it runs and releases it only while
 * it waits, so whatever is read under the lock ({@link #read}) is a consistent state.
 */
public final class ExecutionControl {
  /** What an awaiting thread waits for; evaluated under the lock. */
  public interface Until {
    boolean reached(ExecutionControl c);
  }

  /** The execution ended. */
  public static final Until END = c -> c.over;
  /** The execution ended, or all it does is wait for tokens that no timer will end. */
  public static final Until SETTLED = c -> c.over || c.settled;

  private final ReentrantLock lock = new ReentrantLock();
  /** The execution's thread waits on it for messages, awaiters and returning functions. */
  private final Condition wake = lock.newCondition();
  /** Awaiting threads wait on it for the execution to end, settle or issue a token. */
  private final Condition changed = lock.newCondition();
  private final ConcurrentLinkedQueue<Message> inbox = new ConcurrentLinkedQueue<>();
  private final List<Until> awaiters = new ArrayList<>(2);
  /** Threads awaiting it for clients that answer its tokens ({@link #awaitAnswerable}). */
  private final List<Until> answerable = new ArrayList<>(1);
  /** Tasks whose token is out (TaskSubmitted written) and not answered yet, oldest first. */
  private final List<WaitingTask> submitted = new ArrayList<>(2);
  /** Every task that got a token in this execution (closed when it ends). */
  private final List<WaitingTask> issued = new ArrayList<>(2);
  private final boolean alwaysAwaited;
  private boolean settled;
  private volatile boolean over;

  /** {@code alwaysAwaited}: someone waits for the end from the start (a blocking start). */
  public ExecutionControl(boolean alwaysAwaited) {
    this.alwaysAwaited = alwaysAwaited;
  }

  /** A message for the execution, applied when it next waits. */
  sealed interface Message {
    record Answered(WaitingTask task) implements Message {}

    record Heartbeat(WaitingTask task) implements Message {}

    record Stop(String error, String cause) implements Message {}
  }

  // ---- the execution's own thread

  void lock() {
    lock.lock();
  }

  void unlock() {
    lock.unlock();
  }

  /**
   * Applies the messages that arrived: answered tasks' strands become ready, heartbeats reset
   * their clocks. Returns true when a strand became ready.
   *
   * @throws ExecutionStopped a stop request arrived
   */
  boolean deliver(Scheduler scheduler) {
    boolean woke = false;
    for (Message m = inbox.poll(); m != null; m = inbox.poll()) {
      settled = false;
      if (m instanceof Message.Answered a) {
        woke |= a.task().wakeForAnswer(scheduler);
      } else if (m instanceof Message.Heartbeat h) {
        h.task().heartbeat(scheduler.now());
      } else if (m instanceof Message.Stop s) {
        throw new ExecutionStopped(s.error(), s.cause());
      }
    }
    return woke;
  }

  /** True while a thread awaits something the execution has not reached: timers may fire. */
  boolean skipping() {
    return alwaysAwaited || waiting(awaiters) || waiting(answerable);
  }

  /**
   * True while only answerable awaiters wait and a task waits for its token with a timer: time
   * then runs on the wall clock, so the client answering it has the real seconds.
   */
  boolean tokenTimersOnWallClock() {
    if (alwaysAwaited || waiting(awaiters) || !waiting(answerable)) {
      return false;
    }
    for (WaitingTask t : submitted) {
      if (t.timed && t.isOpen()) {
        return true;
      }
    }
    return false;
  }

  private boolean waiting(List<Until> threads) {
    for (Until u : threads) {
      if (!u.reached(this)) {
        return true;
      }
    }
    return false;
  }

  /** All the execution does is wait for tokens that no timer will end. */
  void settled() {
    if (!settled) {
      settled = true;
      changed.signalAll();
    }
  }

  /** Waits (the lock released) until signalled or {@code millis} pass; MAX_VALUE: no limit. */
  void await(long millis) throws InterruptedException {
    if (!inbox.isEmpty()) {
      return;
    }
    if (millis == Long.MAX_VALUE) {
      wake.await();
    } else {
      wake.await(Math.max(1, millis), TimeUnit.MILLISECONDS);
    }
  }

  void issued(WaitingTask task) {
    issued.add(task);
  }

  /** The task's TaskSubmitted is written: its token is out. */
  void submitted(WaitingTask task) {
    submitted.add(task);
    changed.signalAll();
  }

  void closed(WaitingTask task) {
    submitted.remove(task);
  }

  boolean tokensOut() {
    return !submitted.isEmpty();
  }

  /** The execution is over: tokens still out no longer answer anything. */
  void ended() {
    for (WaitingTask t : issued) {
      t.close();
    }
    submitted.clear();
    over = true;
    changed.signalAll();
  }

  // ---- other threads

  /** Hands a message to the execution; it is applied when the execution next waits. */
  void post(Message m) {
    inbox.add(m);
    lock.lock();
    try {
      settled = false; // not settled until the execution has read the message
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the execution's thread (a function returned, a message arrived). */
  void signal() {
    lock.lock();
    try {
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Asks the execution to stop; it ends ABORTED when it next waits. */
  public void stop(String error, String cause) {
    if (!over) {
      post(new Message.Stop(error, cause));
    }
  }

  /** Blocks until {@code until} is reached; meanwhile the execution may skip time. */
  public void awaitUntil(Until until) {
    await(until, awaiters);
  }

  /**
   * Blocks until {@code until} is reached, as a service does for its clients: time skips, except
   * over the timers of tasks waiting for their tokens, which run on the wall clock.
   */
  public void awaitAnswerable(Until until) {
    await(until, answerable);
  }

  private void await(Until until, List<Until> threads) {
    lock.lock();
    try {
      threads.add(until);
      wake.signal();
      while (!until.reached(this)) {
        changed.awaitUninterruptibly();
      }
    } finally {
      threads.remove(until);
      lock.unlock();
    }
  }

  /** Reads the execution's state consistently (waits while it runs). */
  public <T> T read(Supplier<T> reader) {
    lock.lock();
    try {
      return reader.get();
    } finally {
      lock.unlock();
    }
  }

  public boolean isOver() {
    return over;
  }

  /** The oldest unanswered task at one of {@code states} whose token is out, or null; under the lock. */
  public WaitingTask submittedAt(Collection<String> states) {
    for (WaitingTask t : submitted) {
      if (t.isOpen() && states.contains(t.stateName())) {
        return t;
      }
    }
    return null;
  }

  /** Tasks whose token is out and not answered yet, oldest first; under the lock. */
  public List<WaitingTask> submitted() {
    return submitted.stream().filter(WaitingTask::isOpen).toList();
  }

  /** True once the execution settled or ended; under the lock. */
  public boolean isSettled() {
    return settled || over;
  }
}
