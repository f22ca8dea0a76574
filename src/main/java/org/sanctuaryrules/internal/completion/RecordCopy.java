package org.sanctuaryrules.internal.completion;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Copies of model records with one component changed. Reflective so that the oracle keeps working when the model
 * gains a component: a new {@code Boolean} circumstance of an act is a new missing fact without any code here.
 */
final class RecordCopy {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            // The model's records and accessors are public; skipping the access check on each call halves the
            // cost of a completion's copies (the oracle makes thousands per situation).
            Method[] accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
            for (Method m : accessors) {
                m.setAccessible(true);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    };

    private RecordCopy() {
    }

    record Shape(RecordComponent[] components, Method[] accessors, Constructor<?> constructor) {
    }

    static RecordComponent[] components(Class<? extends Record> type) {
        return SHAPES.get(type).components();
    }

    static Object get(Record record, String component) {
        Shape shape = SHAPES.get(record.getClass());
        for (int i = 0; i < shape.components().length; i++) {
            if (shape.components()[i].getName().equals(component)) {
                return read(record, shape.accessors()[i]);
            }
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
    }

    private static Object read(Record record, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        Shape shape = SHAPES.get(record.getClass());
        Object[] args = new Object[shape.components().length];
        boolean found = false;
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = shape.components()[i];
            if (c.getName().equals(component)) {
                args[i] = value;
                found = true;
            } else {
                args[i] = read(record, shape.accessors()[i]);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
        }
        try {
            return (R) shape.constructor().newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }
}
