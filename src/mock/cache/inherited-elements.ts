import { CIMMethod } from '../../cim/method.js';
import { CIMParameter } from '../../cim/parameter.js';
import { CIMProperty } from '../../cim/property.js';
import { CIMQualifier } from '../../cim/qualifier.js';

// The cache writes an inherited property or method by reference to the superclass and
// rebuilds it on reading with these functions, which follow the MOF class resolver.

// Propagated qualifiers are shared by every class that inherits them.
const propagatedQualifierCache = new WeakMap<CIMQualifier, CIMQualifier>();

function propagatedQualifiers(qualifiers: Iterable<CIMQualifier>): CIMQualifier[] {
  const result: CIMQualifier[] = [];
  for (const qualifier of qualifiers) {
    if (qualifier.toSubclass === false) continue;
    if (qualifier.propagated === true) {
      result.push(qualifier);
      continue;
    }
    let propagated = propagatedQualifierCache.get(qualifier);
    if (propagated === undefined) {
      propagated = new CIMQualifier(qualifier.name, null, {
        type: qualifier.type,
        propagated: true,
        overridable: qualifier.overridable,
        toSubclass: qualifier.toSubclass,
        toInstance: qualifier.toInstance,
        translatable: qualifier.translatable,
      });
      propagated.value = qualifier.value;
      propagatedQualifierCache.set(qualifier, propagated);
    }
    result.push(propagated);
  }
  return result;
}

/** Builds the property as a subclass inherits it unchanged. */
export function inheritedProperty(parent: CIMProperty): CIMProperty {
  const property = new CIMProperty(parent.name, null, {
    type: parent.type,
    isArray: parent.isArray,
    arraySize: parent.arraySize,
    referenceClass: parent.referenceClass,
    embeddedObject: parent.embeddedObject,
    classOrigin: parent.classOrigin,
    propagated: true,
    qualifiers: propagatedQualifiers(parent.qualifiers.values()),
  });
  property.value = parent.value;
  return property;
}

/** Builds the method as a subclass inherits it unchanged. */
export function inheritedMethod(parent: CIMMethod): CIMMethod {
  const parameters = [...parent.parameters.values()].map(
    (parameter) =>
      new CIMParameter(parameter.name, {
        type: parameter.type,
        isArray: parameter.isArray,
        arraySize: parameter.arraySize,
        referenceClass: parameter.referenceClass,
        embeddedObject: parameter.embeddedObject,
        qualifiers: propagatedQualifiers(parameter.qualifiers.values()),
      }),
  );
  return new CIMMethod(parent.name, parent.returnType, {
    parameters,
    qualifiers: propagatedQualifiers(parent.qualifiers.values()),
    classOrigin: parent.classOrigin,
    propagated: true,
  });
}
