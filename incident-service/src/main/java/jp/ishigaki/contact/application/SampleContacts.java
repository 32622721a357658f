package jp.ishigaki.contact.application;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.ishigaki.contact.adapter.persistence.PersonEntity;
import jp.ishigaki.contact.application.ContactDirectory.DepartmentInput;
import jp.ishigaki.contact.application.ContactDirectory.PersonInput;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Loads the fictional sample contacts ({@code sample/contacts.json}) into an empty directory when enabled. */
@ApplicationScoped
public class SampleContacts {

    /** The file's shape. */
    public record Sample(List<DepartmentInput> departments, List<PersonInput> people) {
    }

    private final ContactDirectory contacts;
    private final SampleDataConfig config;
    private final ObjectMapper mapper;

    public SampleContacts(ContactDirectory contacts, SampleDataConfig config, ObjectMapper mapper) {
        this.contacts = contacts;
        this.config = config;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.enabled()) {
            return;
        }
        Sample sample;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("sample/contacts.json")) {
            sample = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Sample.class);
        }
        QuarkusTransaction.requiringNew().run(() -> load(sample));
    }

    private void load(Sample sample) {
        if (PersonEntity.count() > 0) {
            return;
        }
        for (DepartmentInput d : sample.departments()) {
            contacts.createDepartment(new DepartmentInput(d.id(), d.name(), d.nameEn(), null));
        }
        for (PersonInput p : sample.people()) {
            contacts.createPerson(new PersonInput(p.id(), p.name(), p.nameEn(), p.email(), p.language(),
                    p.department(), p.roles(), p.webhooks(), List.of()));
        }
        for (PersonInput p : sample.people()) {
            contacts.updatePerson(p.id(), p);
        }
        for (DepartmentInput d : sample.departments()) {
            contacts.updateDepartment(d.id(), d);
        }
        Log.infof("loaded %d fictional sample contacts (ishigaki.sample-data.enabled)", sample.people().size());
    }
}
