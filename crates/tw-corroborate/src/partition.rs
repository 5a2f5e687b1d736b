//! Union-find that also keeps each set's members, so a cluster can be
//! listed without scanning every document.

#[derive(Debug, Default)]
pub(crate) struct Partition {
    parent: Vec<u32>,
    /// Members of each root's set (empty for non-roots).
    members: Vec<Vec<u32>>,
}

impl Partition {
    /// Make room for `additional` more elements.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.parent.reserve(additional);
        self.members.reserve(additional);
    }

    /// A new singleton set; returns its element.
    pub(crate) fn push(&mut self) -> u32 {
        let id = u32::try_from(self.parent.len()).expect("fewer than 2^32 documents");
        self.parent.push(id);
        self.members.push(vec![id]);
        id
    }

    /// The root of `x`'s set. Union by size keeps trees shallow
    /// (depth ≤ log2 n), so no path compression is needed and lookups stay
    /// `&self`.
    pub(crate) fn find(&self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            x = self.parent[x as usize];
        }
        x
    }

    /// Merge the sets of `a` and `b`; returns the new root and the absorbed
    /// root (`None` when they were already one set).
    pub(crate) fn union(&mut self, a: u32, b: u32) -> (u32, Option<u32>) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return (ra, None);
        }
        if self.members[ra as usize].len() < self.members[rb as usize].len() {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb as usize] = ra;
        let moved = std::mem::take(&mut self.members[rb as usize]);
        self.members[ra as usize].extend(moved);
        (ra, Some(rb))
    }

    /// Members of the set rooted at `root`.
    pub(crate) fn members(&self, root: u32) -> &[u32] {
        &self.members[root as usize]
    }

    /// Every root, in element order.
    pub(crate) fn roots(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.parent.len() as u32).filter(|&x| self.parent[x as usize] == x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unions_keep_members() {
        let mut p = Partition::default();
        for _ in 0..5 {
            p.push();
        }
        p.union(0, 1);
        p.union(3, 4);
        let (root, absorbed) = p.union(1, 4);
        assert!(absorbed.is_some());
        let mut members = p.members(root).to_vec();
        members.sort();
        assert_eq!(members, vec![0, 1, 3, 4]);
        assert_eq!(p.union(0, 3).1, None);
        assert_eq!(p.roots().count(), 2);
        assert_eq!(p.find(2), 2);
    }
}
