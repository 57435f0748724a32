package no.fristed.chat.cards;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import no.fristed.canned.CannedDocument;
import no.fristed.canned.CannedService;
import no.fristed.catalogue.CatalogueSearch;
import no.fristed.catalogue.OpeningHours;
import no.fristed.catalogue.ServiceDocument;
import no.fristed.chat.ChatHours;
import no.fristed.chat.ChatTexts;
import no.fristed.chat.protocol.ServerFrame;
import no.fristed.common.DomainException;
import no.fristed.facts.FactLibrary;
import no.fristed.facts.PhoneNumbers;
import no.fristed.facts.PublishedFact;

/**
 * What a chat hands over, built from the catalogue and the content: service and fact-page cards, canned responses,
 * and what a young person gets when the chat is closed (open services, the emergency card's numbers).
 */
@ApplicationScoped
public class ChatCards {

    private final CatalogueSearch catalogue;
    private final FactLibrary facts;
    private final CannedService canned;
    private final PhoneNumbers phoneNumbers;
    private final ChatHours hours;
    private final ChatTexts texts;
    private final Clock clock;

    ChatCards(CatalogueSearch catalogue, FactLibrary facts, CannedService canned, PhoneNumbers phoneNumbers,
            ChatHours hours, ChatTexts texts, Clock clock) {
        this.catalogue = catalogue;
        this.facts = facts;
        this.canned = canned;
        this.phoneNumbers = phoneNumbers;
        this.hours = hours;
        this.texts = texts;
        this.clock = clock;
    }

    public ServerFrame.Card service(String serviceId) {
        return catalogue.find(serviceId).map(view -> {
            ServiceDocument s = view.service();
            return new ServerFrame.Card("service", new ServerFrame.ServiceCard(s.id(), s.name(), s.description(),
                    s.channels(), s.anonymous().code(), s.track().code(), s.whatHappens(),
                    view.availability().openNow()), null);
        }).orElseThrow(() -> new DomainException.NotFound("not-found", "No such service"));
    }

    public ServerFrame.Card fact(String slug) {
        PublishedFact fact = facts.find(slug, List.of("nb", "nn", "en"), clock.instant())
                .orElseThrow(() -> new DomainException.NotFound("not-found", "No such fact page"));
        return new ServerFrame.Card("fact", null, new ServerFrame.FactCard(fact.slug(), fact.lang(),
                fact.content().title(), fact.content().summary()));
    }

    public String cannedText(String cannedId) {
        return canned.list(null, null).stream().filter(c -> c.id().equals(cannedId)).findFirst()
                .map(CannedDocument::text)
                .orElseThrow(() -> new DomainException.NotFound("not-found", "No such canned response"));
    }

    /** Whether a service id is in the catalogue (for the wrap-up's statistics). */
    public boolean isService(String serviceId) {
        return catalogue.find(serviceId).isPresent();
    }

    public ServerFrame.Closed closed() {
        List<ServerFrame.OpenService> open = catalogue.openNationalLines().stream()
                .map(v -> new ServerFrame.OpenService(v.service().id(), v.service().name(), v.service().channels()))
                .toList();
        OpeningHours.Availability chat = hours.now();
        return new ServerFrame.Closed(chat.nextOpens() == null ? null : chat.nextOpens().toString(), open,
                emergencyNumbers(), true, texts.closed());
    }

    /** The chat's emergency card: the numbers marked chatEmergency in content/taxonomy/phone-numbers.yaml. */
    public List<ServerFrame.EmergencyNumber> emergencyNumbers() {
        return phoneNumbers.emergencyCard().stream()
                .map(e -> new ServerFrame.EmergencyNumber(e.number(), e.name())).toList();
    }
}
