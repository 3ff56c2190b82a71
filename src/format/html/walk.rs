//! A depth-first walk over an HTML tree that keeps its own stack, so a page nested a hundred
//! thousand levels deep is walked as any other, without deep recursion.

use dom_query::{NodeRef, TreeNode};

/// What a walk does at each node.
pub(super) trait Visit {
    /// Called on entering `node`; `true` walks its children and then calls [`Visit::leave`].
    fn enter(&mut self, node: &TreeNode) -> bool;
    /// Called after the children of a node [`Visit::enter`] said `true` to.
    fn leave(&mut self);
}

/// Walks `root` and everything under it in document order.
pub(super) fn walk(root: &NodeRef<'_>, visit: &mut impl Visit) {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave,
    }
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.query_or(false, |n| visit.enter(n)) {
                    stack.push(Step::Leave);
                    // Last child pushed first: the first is walked first.
                    stack.extend(node.children_it(true).map(Step::Enter));
                }
            }
            Step::Leave => visit.leave(),
        }
    }
}
