//! Searching off the reader's thread: each query goes to a worker that searches while the
//! reader keeps answering keys. A newer query cancels the one running (its result would be
//! stale the moment it came), so typing or pasting into the prompt never queues searches.

use crate::search::{Index, Mode, Query};
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};

/// Wakes the event loop when a result is ready (it would otherwise sleep until the next key).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// One search for the worker: the query as typed, folded there (folding a long query for
/// each key typed would cost the reader's thread as much as the search).
struct Job {
    id: u64,
    text: String,
    mode: Mode,
    index: Arc<Index>,
}

/// A finished search: the job it answers and its matches.
struct Found {
    id: u64,
    matches: Vec<Range<usize>>,
}

/// The worker thread and the search it was last given.
pub struct Finder {
    jobs: Option<Sender<Job>>,
    found: Option<Receiver<Found>>,
    /// The id of the newest search; the worker drops any other.
    newest: Arc<AtomicU64>,
    /// The newest search has not answered yet.
    pending: bool,
    /// Called by the worker after each result; shared so that it can be set at any time.
    waker: Arc<Mutex<Option<Waker>>>,
}

impl Default for Finder {
    fn default() -> Self {
        Finder {
            jobs: None,
            found: None,
            newest: Arc::new(AtomicU64::new(0)),
            pending: false,
            waker: Arc::default(),
        }
    }
}

impl Finder {
    /// Sets what the worker calls when it has a result.
    pub fn set_waker(&mut self, waker: Waker) {
        *self.waker.lock().unwrap_or_else(PoisonError::into_inner) = Some(waker);
    }

    /// Starts searching `index` for `text` in `mode`, cancelling the search before it.
    pub fn submit(&mut self, index: Arc<Index>, text: String, mode: Mode) {
        let id = self.newest.fetch_add(1, Ordering::SeqCst) + 1;
        self.pending = true;
        let mut job = Job {
            id,
            text,
            mode,
            index,
        };
        if let Some(tx) = &self.jobs {
            match tx.send(job) {
                Ok(()) => return,
                // The worker is gone (it cannot be, short of a panic): start another.
                Err(mpsc::SendError(back)) => job = back,
            }
        }
        let (tx, rx) = self.spawn();
        let _ = tx.send(job);
        self.jobs = Some(tx);
        self.found = Some(rx);
    }

    /// Cancels the search running, if any: its result will never be taken.
    pub fn cancel(&mut self) {
        self.newest.fetch_add(1, Ordering::SeqCst);
        self.pending = false;
    }

    /// The newest search's matches, if they have come; `wait` blocks until they do.
    pub fn take(&mut self, wait: bool) -> Option<Vec<Range<usize>>> {
        let rx = self.found.as_ref()?;
        while self.pending {
            let found = if wait {
                rx.recv().ok()?
            } else {
                match rx.try_recv() {
                    Ok(f) => f,
                    Err(TryRecvError::Empty | TryRecvError::Disconnected) => return None,
                }
            };
            if found.id == self.newest.load(Ordering::SeqCst) {
                self.pending = false;
                return Some(found.matches);
            }
        }
        None
    }

    /// Starts the worker: it takes the newest job waiting, searches, and answers unless a newer
    /// job came meanwhile (checked as it goes, so a long search stops early).
    fn spawn(&self) -> (Sender<Job>, Receiver<Found>) {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, found) = mpsc::channel();
        let newest = Arc::clone(&self.newest);
        let waker = Arc::clone(&self.waker);
        std::thread::spawn(move || {
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                let stale = || newest.load(Ordering::SeqCst) != job.id;
                let matches = match Query::new(&job.text, job.mode) {
                    Some(q) => job.index.find_all_until(&q, stale),
                    // Nothing to look for (only spaces, only harakat): no match.
                    None => (!stale()).then(Vec::new),
                };
                let Some(matches) = matches else {
                    continue;
                };
                // The reader is gone once nobody takes results.
                if outbox
                    .send(Found {
                        id: job.id,
                        matches,
                    })
                    .is_err()
                {
                    return;
                }
                let wake = waker.lock().unwrap_or_else(PoisonError::into_inner).clone();
                if let Some(wake) = wake {
                    wake();
                }
            }
        });
        (jobs, found)
    }
}
