package org.commitmenttracker.registry.agencies;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/agencies}: the agency directory. */
@RestController
@RequestMapping("/api/agencies")
class AgencyController {
    private final AgencyDirectory directory;

    AgencyController(AgencyDirectory directory) {
        this.directory = directory;
    }

    record AgencyRequest(String name, String country, String contact) {
    }

    @GetMapping
    List<Agency> all() {
        return directory.all();
    }

    @GetMapping("/{id}")
    Agency get(@PathVariable String id) {
        return directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No agency " + id + "."));
    }

    @PutMapping("/{id}")
    Agency put(@PathVariable String id, @RequestBody AgencyRequest request) {
        return directory.save(new Agency(id, request.name(), request.country(), request.contact()));
    }
}
