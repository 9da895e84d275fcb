package fr.gasp.query.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The identifiers an event carries: its record's {@code UUID} components and the elements of
 * its collections of {@code UUID}s (a restitution's proposals). Every subject an audit summary
 * names is one of them, so a batch can read all their labels at once.
 */
final class EventIdentifiers {

    /** Per event type, the accessors of its identifier components; none for a type that is not a record. */
    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getType() == UUID.class || collectionOfUuids(component)) {
                        accessors.add(component.getAccessor());
                    }
                }
            }
            return List.copyOf(accessors);
        }
    };

    private EventIdentifiers() {
    }

    static List<UUID> of(Object payload) {
        List<UUID> identifiers = new ArrayList<>();
        for (Method accessor : ACCESSORS.get(payload.getClass())) {
            Object value = read(accessor, payload);
            if (value instanceof UUID id) {
                identifiers.add(id);
            } else if (value instanceof Collection<?> ids) {
                for (Object id : ids) {
                    if (id instanceof UUID uuid) {
                        identifiers.add(uuid);
                    }
                }
            }
        }
        return identifiers;
    }

    private static boolean collectionOfUuids(RecordComponent component) {
        return Collection.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments().length == 1
                && generic.getActualTypeArguments()[0] == UUID.class;
    }

    private static Object read(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + accessor.getName() + " of " + payload.getClass().getName(), e);
        }
    }
}
