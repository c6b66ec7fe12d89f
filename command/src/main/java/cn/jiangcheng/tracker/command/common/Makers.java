package cn.jiangcheng.tracker.command.common;

import org.axonframework.messaging.MetaData;

import java.util.HashSet;
import java.util.Set;

/**
 * Everyone who made the content a checker decides on (created it, saved a draft, attached evidence, submitted
 * it): none of them may take the checker's step. Filled from the metadata of the makers' events; the aggregate
 * clears it where new content starts (a new revision, the next round after a decision).
 */
public final class Makers {
    private final Set<String> userIds = new HashSet<>();

    /** Records whoever caused the event whose metadata this is. */
    public void add(MetaData eventMetaData) {
        String userId = MakerChecker.makerOf(eventMetaData);
        if (userId != null) {
            userIds.add(userId);
        }
    }

    public void clear() {
        userIds.clear();
    }

    public Makers copy() {
        Makers copy = new Makers();
        copy.userIds.addAll(userIds);
        return copy;
    }

    /** Refuses the checker's command when it comes from any of the makers. */
    public void requireNoneOf(MetaData commandMetaData) {
        Actor checker = Actor.of(commandMetaData);
        Check.that(checker.isSystem() || !userIds.contains(checker.userId()),
                MakerChecker.SELF_REVIEW, MakerChecker.MESSAGE);
    }
}
