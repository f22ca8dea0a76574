package org.sanctuaryrules.engine;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

/** Records the firings of one session, for explain mode. One per session; not thread-safe. */
final class FiringLog extends DefaultAgendaEventListener {
    private final List<Firing> fired = new ArrayList<>();
    private final List<Firing> blocked = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(firing(event.getMatch()));
    }

    /** A match the agenda filter kept from firing because its provision was not in force. */
    void blocked(Match match) {
        blocked.add(firing(match));
    }

    private static Firing firing(Match match) {
        // Facts under `not` / `exists` come back as null slots; they are not part of the match.
        List<Object> facts = match.getObjects().stream().filter(o -> o != null).toList();
        return new Firing(match.getRule().getName(), facts);
    }

    List<Firing> fired() {
        return fired;
    }

    List<Firing> blocked() {
        return blocked;
    }
}
